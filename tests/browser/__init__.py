"""Browser tests: the pages in headless Chromium from Debian, driven by Playwright."""
