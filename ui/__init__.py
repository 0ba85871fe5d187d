"""The Streamlit review page (`streamlit run ui/app.py`). Display only: the logic is in `aligner`."""
