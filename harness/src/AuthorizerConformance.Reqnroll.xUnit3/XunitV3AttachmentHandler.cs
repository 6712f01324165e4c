using Reqnroll.Infrastructure;
using Xunit;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>Forwards <c>IReqnrollOutputHelper.AddAttachment(path)</c> to an xunit.v3 test attachment.</summary>
public sealed class XunitV3AttachmentHandler : IReqnrollAttachmentHandler
{
    /// <inheritdoc />
    public void AddAttachment(string filePath)
    {
        if (File.Exists(filePath))
            TestContext.Current.AddAttachment(Path.GetFileName(filePath), File.ReadAllBytes(filePath));
        ScenarioOutput.Line($"-> Attachment '{filePath}' added");
    }
}
