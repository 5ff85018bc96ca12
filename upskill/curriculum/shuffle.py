"""A stable shuffled order for a quiz question's options, the same for every reader."""
import hashlib
import random


def display_order(quiz_code, question_id, count):
    """Return the option indexes in the order the site shows them."""
    seed = hashlib.sha256(f"{quiz_code}/{question_id}".encode()).digest()
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return order
