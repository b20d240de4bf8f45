"""One spider per site."""
