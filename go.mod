module budgetdoc

go 1.26.8

require (
	github.com/jung-kurt/gofpdf v1.16.2
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/shopspring/decimal v1.6.0
	golang.org/x/image v0.48.0
	gopkg.in/yaml.v3 v3.0.1
)

require golang.org/x/text v0.44.0 // indirect
