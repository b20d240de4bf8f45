"""The Scrapy project: settings, items, middlewares, the landing cache, and one spider per site."""
