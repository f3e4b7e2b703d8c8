"""The AI-cloud competition report: data, models, charts and the build pipeline."""
