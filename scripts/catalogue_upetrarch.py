"""Checks UniversalPetrarch's Arabic actor dictionary against the catalogue (stub)."""
def enrich(path, entities, roles):
    return None
def print_report(report):
    pass
