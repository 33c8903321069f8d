// The domain stays free of the Orleans runtime: its records carry only serialization attributes,
// and their serializers are generated here, where Orleans' code generator runs.
[assembly: GenerateCodeForDeclaringAssembly(typeof(CallLoop.Domain.SubjectEvent))]
