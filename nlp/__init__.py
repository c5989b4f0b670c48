"""JuanShen (卷审): offline pre-review of Chinese police case files."""

__version__ = "0.1.0"
