namespace Amazon.Lambda.Core;

/// <summary>Look-alike of the real interface.</summary>
public interface IClientApplication
{
    string AppPackageName { get; }

    string AppTitle { get; }

    string AppVersionCode { get; }

    string AppVersionName { get; }

    string InstallationId { get; }
}
