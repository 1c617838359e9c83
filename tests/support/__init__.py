"""Test infrastructure shared by the suite: database backends and a throwaway PostgreSQL."""
