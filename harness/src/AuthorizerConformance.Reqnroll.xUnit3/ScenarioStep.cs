using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>One step as Reqnroll runs it: pickle text (Examples values substituted), its argument and the AST keyword.</summary>
public sealed class ScenarioStep
{
    internal ScenarioStep(PickleStep pickleStep, Step astStep)
    {
        Keyword = astStep.Keyword;
        KeywordType = astStep.KeywordType;
        Text = pickleStep.Text;
        Line = (int)astStep.Location.Line;
        DocString = pickleStep.Argument?.DocString?.Content;
        TableRows = pickleStep.Argument?.DataTable?.Rows
            .Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToList())
            .ToList();
    }

    /// <summary>The keyword as written, with its trailing space (<c>"Given "</c>).</summary>
    public string Keyword { get; }

    /// <summary>Given (context), When (action), Then (outcome), or a conjunction.</summary>
    public StepKeywordType KeywordType { get; }

    /// <summary>The step text.</summary>
    public string Text { get; }

    /// <summary>1-based line in the file.</summary>
    public int Line { get; }

    /// <summary>The doc string argument, or null.</summary>
    public string? DocString { get; }

    /// <summary>The data table argument's rows (first row = header), or null.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? TableRows { get; }

    /// <summary>A fresh Reqnroll table for this step's data table (steps may mutate it), or null.</summary>
    public Table? CreateTable()
    {
        if (TableRows is null)
            return null;
        var table = new Table([.. TableRows[0]]);
        foreach (var row in TableRows.Skip(1))
            table.AddRow([.. row]);
        return table;
    }
}
