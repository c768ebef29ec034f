"""Cleaning: from a scraped article's text to the article body, its title, credits and dateline.

`split_articles` removes site furniture line by line (rules in resources/boilerplate.yaml), keeps credits and the
dateline out of the text but in the result, and splits an appended "read also" article into its own part.
"""
from marsad.clean.article import CleanArticle, split_articles

__all__ = ["CleanArticle", "split_articles"]
