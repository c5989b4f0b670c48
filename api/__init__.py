"""JuanShen HTTP service: a thin FastAPI shell over the ``nlp`` library."""
