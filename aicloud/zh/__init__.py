"""Chinese counterparts of the package's reader-facing text, one module per English module at the same path
(`aicloud/zh/analysis/gpu_allocation.py` for `aicloud/analysis/gpu_allocation.py`). `aicloud.i18n.use("zh")`
swaps every public name defined here into the English module of the same path; private modules (`_hooks`,
`_display`) hold the machinery that translates what chart and table code shows."""
