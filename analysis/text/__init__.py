"""From corpus files to text: documents, their layout, sentences and tokens, tone.

* :mod:`.corpus`: a folder of ``.txt``, a CSV or a JSON Lines file -> the documents table;
* :mod:`.layout`: paragraphs, page debris, headline and dateline of one text;
* :mod:`.layer`: paragraphs, quotations, sentences and tokens, with offsets;
* :mod:`.treebank`: NLTK's word tokenizer, each rule run only where it can match;
* :mod:`.tone`: NLTK's VADER, for the tone of each sentence.
"""
