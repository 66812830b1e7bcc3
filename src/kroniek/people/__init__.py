"""The people book: office holders and their terms, shared by the actors and time stages."""

from kroniek.people.book import DATA_DIR, PEOPLE_FILE, OfficeHolder, Tenure, load_people

__all__ = ["DATA_DIR", "PEOPLE_FILE", "OfficeHolder", "Tenure", "load_people"]
