"""The report suite: parameterised notebooks run with papermill and rendered to HTML.

* :mod:`.suite`: :func:`run_suite`, the whole run (tables, notebooks, index, manifest);
* :mod:`.notebooks`: which notebooks there are, their parameters, ``-P`` overrides checked;
* :mod:`.execute`: one notebook run through papermill;
* :mod:`.render`: an executed notebook as a self-contained page; the Jupyter kernel;
* :mod:`.index`: the index page, versions and the git commit for the manifest.
"""
