from django.apps import AppConfig


class EligibilityConfig(AppConfig):
    name = "kotokartta.eligibility"
    label = "eligibility"
    verbose_name = "Eligibility and statutory dates"
