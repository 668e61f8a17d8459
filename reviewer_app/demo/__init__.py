"""Believable demo data: names, ID numbers, post texts and document files, generated from a seed."""
