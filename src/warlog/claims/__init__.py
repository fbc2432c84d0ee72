"""Claims: who says what (attribution), how sure, and where sources disagree."""
