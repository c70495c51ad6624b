"""People: MEP directories, MEP pages and MEP tables -> Person records with group memberships."""

from __future__ import annotations

from whereas.parse.people.directory import parse_people_directory
from whereas.parse.people.member_page import parse_member_page
from whereas.parse.people.names import LOSSY_NAME, is_lossy
from whereas.parse.people.tables import parse_mepwatch_meps, parse_odp_meps

__all__ = [
    "LOSSY_NAME",
    "is_lossy",
    "parse_member_page",
    "parse_mepwatch_meps",
    "parse_odp_meps",
    "parse_people_directory",
]
