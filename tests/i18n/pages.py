"""Reading what a visitor sees: the <html> element, the language switcher, the menu."""

import re

HTML_TAG = re.compile(r"<html\b[^>]*>")
SWITCHER = re.compile(r'<nav class="language-links".*?</nav>', re.S)
LINK = re.compile(r'<a href="([^"]+)" lang="([^"]+)"')
MAIN_MENU = re.compile(r'<nav class="main-nav.*?</nav>', re.S)


def html_attributes(html):
    tag = HTML_TAG.search(html).group(0)
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


def switcher_links(html):
    """{language code: address} of the language switcher; empty when there is none."""
    match = SWITCHER.search(html)
    return {code: url for url, code in LINK.findall(match.group(0))} if match else {}


def main_menu(html):
    match = MAIN_MENU.search(html)
    return match.group(0) if match else ""
