"""Pure helpers for Arabic text: normalisation for matching (`normalize`), tokens and sentences (`tokens`)."""
