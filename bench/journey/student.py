"""A student's journey: read lessons, work a task's checklist (saving the draft as they go), hand in with a photo."""
import io
import re
import time

from PIL import Image, ImageDraw

from bench.journey.client import CSRF, Client

FIELD = re.compile(r'name="(submission_key|revision)" value="([^"]*)"')
STEP = re.compile(r'name="step" value="(\d+)"')
TYPED = re.compile(r'name="([mt]-\d+)"')
FILE_FIELD = re.compile(r'type="file" id="(f-\d+)"')


def photo(rng):
    """A small JPEG of its own (different content each time, as real photos are)."""
    image = Image.new("RGB", (160, 120), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randrange(140), rng.randrange(100)
        draw.rectangle((x, y, x + rng.randrange(10, 40), y + rng.randrange(10, 40)),
                       fill=tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


class Student(Client):
    """Works through the school tasks in turn; a task handed in waits for its teacher (returned: again)."""

    def __init__(self, bases, email, password, recorder, cast, rng):
        super().__init__(bases, email, password, recorder)
        self.cast, self.rng = cast, rng
        self.next_task = rng.randrange(len(cast.tasks)) if cast.tasks else 0

    def act(self):
        """Do one thing a student does: read a lesson, or work a task (ticking steps) and perhaps hand it in."""
        if not self.cast.tasks or self.rng.random() < 0.5:
            self.request("read lesson", "GET", self.rng.choice(self.cast.lessons))
            return
        path = self.cast.tasks[self.next_task % len(self.cast.tasks)]
        self.next_task += 1
        page = self.request("open task", "GET", path)
        if page is None or 'id="task-work"' not in page.text:
            return  # handed in and waiting, or accepted: another task next time
        form = dict(FIELD.findall(page.text))
        token, steps = CSRF.search(page.text).group(1), STEP.findall(page.text)
        revision = int(form["revision"])
        typed = {name: ("12.5" if name.startswith("m-") else "Done as the set-up sheet says.")
                 for name in TYPED.findall(page.text)}
        ticked = []
        leave_after = self.rng.randrange(len(steps)) if steps and self.rng.random() < 0.3 else None
        for number, step in enumerate(steps):  # one save per ticked step, as the page's script sends them
            if number and not self.between_steps():  # the step itself is work at the machine, not a click
                return  # the run is over: the rest is left for later, as when a lesson ends
            ticked.append(step)
            saved = self.request("save draft", "POST", path + "draft", headers={"Accept": "application/json"},
                                 data={"csrf_token": token, "revision": str(revision), "step": ticked, **typed})
            if saved is None or number == leave_after:
                return  # a failure, or the rest left for later
            revision = saved.json()["revision"]
        files = [(name, (f"{name}.jpg", photo(self.rng), "image/jpeg")) for name in FILE_FIELD.findall(page.text)]
        done = self.request("hand in", "POST", path + "hand-in", expect=303, files=files or None,
                            data={"csrf_token": token, "submission_key": form["submission_key"],
                                  "revision": str(revision), "step": ticked, **typed})
        if done is not None:
            self.recorder.handed_in(self.email, self.cast.task_codes[path], form["submission_key"], len(files))


def think(rng, mean_seconds, deadline):
    """Pause as a person does between two clicks (never past the deadline)."""
    time.sleep(max(0.0, min(rng.uniform(0, 2 * mean_seconds), deadline - time.monotonic())))
