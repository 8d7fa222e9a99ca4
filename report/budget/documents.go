package budget

// DocumentSet chooses which documents a disclosure holds and the unit its
// tables and text print money in. The zero value is the seed's set.
type DocumentSet struct {
	// Set is "seed" (the default: explanation, project table, forms) or
	// "standard" (the standard explanation, the nine tables, forms).
	Set string `budget:"set"`
	// MoneyUnit is "元" or "万元"; it defaults to 元 for the seed's set and
	// 万元 for the standard set. It applies to the standard documents; the
	// seed's keep their own.
	MoneyUnit string `budget:"money_unit"`
	// ProjectTable also attaches the project table to the standard set.
	ProjectTable bool `budget:"project_table"`
}

// The document sets.
const (
	SeedSet     = "seed"
	StandardSet = "standard"
)

// The money units.
const (
	Yuan            = "元"
	TenThousandYuan = "万元"
)

// Document names one document of a disclosure.
type Document string

// The documents a disclosure may hold, each composed by one composer.
const (
	SeedExplanation     Document = "seed_explanation"     // 部门预算情况说明, the seed's three paragraphs
	StandardExplanation Document = "standard_explanation" // 部门预算情况说明, thirteen sections
	ProjectTableDoc     Document = "project_table"        // 部门支出预算项目表
	Summary             Document = "summary"              // 1 部门收支总表
	IncomeTable         Document = "income"               // 2 部门收入总表
	ExpenditureTable    Document = "expenditure"          // 3 部门支出总表
	FiscalSummary       Document = "fiscal_summary"       // 4 财政拨款收支总表
	GeneralBudgetTable  Document = "general_budget"       // 5 一般公共预算支出表
	GeneralBasicTable   Document = "general_basic"        // 6 一般公共预算基本支出表
	ThreePublicTable    Document = "three_public"         // 7 一般公共预算“三公”经费支出表
	GovernmentFundTable Document = "government_fund"      // 8 政府性基金预算支出表
	StateCapitalTable   Document = "state_capital"        // 9 国有资本经营预算支出表
	PerformanceForms    Document = "forms"                // 项目绩效目标申报表, one per form
)

// StandardTables are the nine tables of the standard set, in order.
var StandardTables = []Document{Summary, IncomeTable, ExpenditureTable, FiscalSummary,
	GeneralBudgetTable, GeneralBasicTable, ThreePublicTable, GovernmentFundTable, StateCapitalTable}

// documentSets lists each set's documents in the order they are printed.
var documentSets = map[string][]Document{
	SeedSet:     {SeedExplanation, ProjectTableDoc, PerformanceForms},
	StandardSet: append(append([]Document{StandardExplanation}, StandardTables...), PerformanceForms),
}

// Standard reports whether the set is the standard one.
func (d DocumentSet) Standard() bool { return d.Set == StandardSet }

// Documents lists the set's documents in print order.
func (d DocumentSet) Documents() []Document {
	name := d.Set
	if name == "" {
		name = SeedSet
	}
	docs := append([]Document(nil), documentSets[name]...)
	if d.ProjectTable && name == StandardSet {
		docs = append(docs[:len(docs)-1], ProjectTableDoc, PerformanceForms)
	}
	return docs
}

// Includes reports whether the set holds the document.
func (d DocumentSet) Includes(doc Document) bool {
	for _, x := range d.Documents() {
		if x == doc {
			return true
		}
	}
	return false
}

// Unit is the money unit of the standard documents.
func (d DocumentSet) Unit() string {
	if d.MoneyUnit != "" {
		return d.MoneyUnit
	}
	if d.Standard() {
		return TenThousandYuan
	}
	return Yuan
}

// KnownSet reports whether name is a document set.
func KnownSet(name string) bool { _, ok := documentSets[name]; return ok }
