"""gunicorn settings for production: `gunicorn -c deploy/gunicorn.conf.py "upskill:create_app()"`.

Threaded workers keep serving while some clients are slow or hold half-open connections, which
would stall a sync worker for its whole timeout. A buffering reverse proxy in front (see
deploy/nginx.conf) still belongs to production: it takes slow uploads off the workers and
enforces the body limit and timeouts before a request reaches Python.
"""
import multiprocessing
import os

bind = os.environ.get("UPSKILL_BIND", "127.0.0.1:8000")  # behind the proxy; not on the network
workers = int(os.environ.get("UPSKILL_WORKERS", multiprocessing.cpu_count() * 2))
worker_class = "gthread"
threads = int(os.environ.get("UPSKILL_THREADS", 8))
timeout = 60  # a book build runs in the background, never in a request
graceful_timeout = 20
keepalive = 5
limit_request_line = 4096
limit_request_fields = 60
limit_request_field_size = 8190
max_requests = 2000  # recycle workers now and then
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("UPSKILL_PROXY_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
