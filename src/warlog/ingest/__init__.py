"""Documents in: files, folders, globs, JSON Lines, URLs and feeds to validated, cleaned Documents.

    read_document(ref)      one document: a text or HTML file, an http(s) URL, or "-" for stdin
    iter_documents(spec)    many, streamed: a folder, a glob, a .jsonl file, a feed, a URL; bad ones
                            become Failures and reading goes on
    count_documents(spec)   how many iter_documents yields, where that is known before reading them
    make_document(text)     a Document from a text already in memory
    document_id(text, url)  the stable id of a document
    parse_date(value)       a publication date to ISO YYYY-MM-DD

Modules, bottom-up: ids, dates, language, validate, sniff, boilerplate, html, fetch (no warlog
imports but errors); documents (make_document); sources (one document); feeds, jsonl; corpus.
"""

from warlog.ingest.corpus import count_documents, iter_documents
from warlog.ingest.dates import parse_date
from warlog.ingest.documents import make_document
from warlog.ingest.ids import document_id
from warlog.ingest.sources import read_document

__all__ = ["count_documents", "document_id", "iter_documents", "make_document", "parse_date", "read_document"]
