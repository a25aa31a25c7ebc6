"""Evaluation scripts: samples of blanks drawn for judging by hand."""
