"""What customers answer in the forms means: who and what (``intake``), the days they name
(``spoken_dates``), a claim report's read-back and the wording's pre-check (``claim_report``).

Pure reading: the actions decide what to do with the result.
"""
