package budget

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

const schemaPath = "../../data/budget.schema.json"

func TestSampleMatchesSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := yaml.Unmarshal([]byte(readSample(t)), &doc); err != nil {
		t.Fatal(err)
	}
	// yaml.v3 reads an unquoted date as a time; JSON has only its text.
	if m, ok := doc.(map[string]any); ok {
		if d, ok := m["date"].(time.Time); ok {
			m["date"] = d.Format("2006-01-02")
		}
	}
	// Round-trip through JSON so the value has JSON's types.
	raw, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("the sample does not match the schema: %v", err)
	}
	// And the schema is not vacuous: an unknown key fails it.
	inst.(map[string]any)["amout"] = 1.0
	if err := sch.Validate(inst); err == nil {
		t.Fatal("the schema accepts an unknown key")
	}
}

// The schema and the loader must know the same keys and the same required
// fields, so editors and the command agree.
func TestSchemaMatchesModel(t *testing.T) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	defs := schema["$defs"].(map[string]any)
	var walk func(path string, node map[string]any, typ reflect.Type)
	walk = func(path string, node map[string]any, typ reflect.Type) {
		if ref, ok := node["$ref"].(string); ok {
			node = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
		switch typ.Kind() {
		case reflect.Slice:
			walk(path+"[]", node["items"].(map[string]any), typ.Elem())
			return
		case reflect.Struct:
			if typ == decimalType || typ == nullDecimalType || typ == dateType {
				return
			}
		default:
			return
		}
		props, _ := node["properties"].(map[string]any)
		fields := fieldsOf(typ)
		var schemaKeys, required, modelRequired []string
		for k := range props {
			schemaKeys = append(schemaKeys, k)
		}
		reqs, _ := node["required"].([]any)
		for _, r := range reqs {
			required = append(required, r.(string))
		}
		for _, f := range fields.list {
			if f.required {
				modelRequired = append(modelRequired, f.name)
			}
		}
		modelKeys := append([]string(nil), fields.names...)
		for _, l := range [][]string{schemaKeys, modelKeys, required, modelRequired} {
			sort.Strings(l)
		}
		if !reflect.DeepEqual(schemaKeys, modelKeys) {
			t.Errorf("%s: schema keys %v, model keys %v", path, schemaKeys, modelKeys)
		}
		if !reflect.DeepEqual(required, modelRequired) {
			t.Errorf("%s: schema requires %v, model requires %v", path, required, modelRequired)
		}
		for _, f := range fields.list {
			walk(path+"."+f.name, props[f.name].(map[string]any), typ.Field(f.index).Type)
		}
	}
	walk("", schema, reflect.TypeOf(Budget{}))
}
