namespace AuthorizerConformance.Policy;

/// <summary>The policy language version (§1.2). Only 2012-10-17 recognises policy variables.</summary>
internal enum PolicyVersion { Absent, V2008, V2012 }
