"""The working-day calendar as data: each root tenant's published years, seeded from the
`chinese-calendar` package, published by a province's administrator, read by deadlines."""
