"""A load of students and teachers working as they do, against a real server, with what it acknowledged.

cast.py makes the accounts in bulk, client.py signs each one in with a session of its own and
records every request, student.py and teacher.py are their journeys, run.py runs them for a
bounded time, figures.py prints the figures per kind of request, verify.py checks the database
and the files against what the server acknowledged, and server.py starts and kills gunicorn.
"""
