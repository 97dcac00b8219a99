"""Language data and resources, kept apart from the engines that use them: English calendar
and number words (:mod:`.en`), NLTK's models in a private data folder and stop words
(:mod:`.resources`)."""
