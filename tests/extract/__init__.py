"""Tests of the extraction steps, one file per step or construct."""
