using System.Runtime.CompilerServices;

// Here rather than in the project file, so the parallel branches that edit the project file do not collide.
[assembly: InternalsVisibleTo("AuthorizerConformance.Functions.Tests")]
