"""Show how the search reads a text: for checking words added to the dictionary.

manage.py search_segment "克州政府门户网站"
"""

from django.core.management.base import BaseCommand

from hub.search.segmenter import dictionary_paths, get_segmenter


class Command(BaseCommand):
    help = "Print the tokens a text is indexed with and how it is read as a query."

    def add_arguments(self, parser):
        parser.add_argument("text", nargs="+")

    def handle(self, *args, **options):
        segmenter = get_segmenter()
        text = " ".join(options["text"])
        paths = ", ".join(str(path) for path in dictionary_paths())
        self.stdout.write(f"dictionaries: {paths} ({len(segmenter.words)} words)")
        self.stdout.write("indexed as:  " + " | ".join(segmenter.index_tokens(text)))
        self.stdout.write("query words: " + " | ".join(segmenter.words_of(text)))
        for group in segmenter.query(text):
            self.stdout.write("  " + "  or  ".join(" + ".join(alternative) for alternative in group.alternatives))
