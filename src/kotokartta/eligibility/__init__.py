"""Eligibility for the assessment (KotoL 14 §) and the statutory timeline (20–23 §, 31 §).

`rules` is plain Python without Django (`decide(Answers(...))`); `parse` reads answers from text
for the command line and the API; `present` and `texts` say the answer in a language (gettext).
"""
