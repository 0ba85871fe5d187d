"""Text out of document formats, one module per format: PDF, Word (.docx, .doc), OpenDocument,
RTF, subtitles, e-books and saved web pages. `aligner.reading.read_file` picks the reader by
extension and signature; each reader returns the document's paragraphs separated by blank lines,
or an InputError naming the file."""
