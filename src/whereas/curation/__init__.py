"""Curation: people confirm, reject or correct what the machine suggested; every change audited."""

from whereas.curation.decisions import DecisionOutcome, decide
from whereas.curation.items import ReviewItem
from whereas.curation.queue import QueueFilter, ReviewedItem, review_queue

__all__ = [
    "DecisionOutcome",
    "QueueFilter",
    "ReviewItem",
    "ReviewedItem",
    "decide",
    "review_queue",
]
