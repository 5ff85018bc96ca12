"""A teacher's journey: open the review queue, look at the oldest hand-in and its photo, grade it with the rubric."""
import re

from bench.journey.client import CSRF, Client

ATTEMPT = re.compile(r'href="/teach/attempts/(\d+)/"')
LEVEL = re.compile(r'name="level-(\d+)" id="level-\d+-(\d+)"')
EVIDENCE = re.compile(r'<img src="(/learn/files/\d+/[^"]+)"')
ACCEPT_SHARE = 0.3  # the rest goes back for revision, so that students hand in again


class Teacher(Client):
    """Grades the work of their own class, oldest first."""

    def __init__(self, bases, email, password, recorder, rng):
        super().__init__(bases, email, password, recorder)
        self.rng = rng

    def act(self):
        """Do one round: the queue, then (when something waits) one hand-in graded."""
        queue = self.request("review queue", "GET", "/teach/review")
        waiting = queue is not None and ATTEMPT.findall(queue.text)
        if not waiting:
            return
        attempt_id = waiting[0]
        page = self.request("open hand-in", "GET", f"/teach/attempts/{attempt_id}/")
        if page is None:
            return
        for photo in EVIDENCE.findall(page.text)[:1]:
            self.request("view photo", "GET", photo.replace("&amp;", "&"))
        levels = {}
        for criterion, level in LEVEL.findall(page.text):
            levels[criterion] = max(levels.get(criterion, 0), int(level))
        accept = self.rng.random() < ACCEPT_SHARE
        form = {"csrf_token": CSRF.search(page.text).group(1), "decision": "accept" if accept else "return",
                "overall": "Good work." if accept else "Check the label against the set-up sheet and hand in again."}
        form.update({f"level-{c}": str(self.rng.randint(0, top)) for c, top in levels.items()})
        done = self.request("grade", "POST", f"/teach/attempts/{attempt_id}/", expect=303, data=form)
        if done is not None:
            self.recorder.graded(self.email, int(attempt_id), "accepted" if accept else "returned")
