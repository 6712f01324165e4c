using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Loader;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// Implements an interface of a handler's own Amazon.Lambda.Core (<c>ILambdaContext</c>, <c>ILambdaLogger</c>, …) with a
/// small emitted class that hands every member, default-implemented ones included, to a behaviour. The class is
/// emitted into the interface's load context (contextual reflection), so its references bind to that copy of
/// Amazon.Lambda.Core: <see cref="DispatchProxy"/> keeps one generated assembly per proxy base type and binds by name,
/// so with two load contexts holding an Amazon.Lambda.Core its proxies implement the wrong one.
/// </summary>
internal static class InterfaceProxy
{
    private static readonly ConcurrentDictionary<Type, (Type Type, MethodInfo[] Members)> s_built = new();

    /// <summary>An object implementing <paramref name="contract"/>; each call is answered by <paramref name="behaviour"/>.</summary>
    public static object Create(Type contract, Func<MethodInfo, object?[], object?> behaviour)
    {
        var (type, members) = s_built.GetOrAdd(contract, Build);
        var invoke = new Func<int, object?[], object?>((index, args) => behaviour(members[index], args));
        return Activator.CreateInstance(type, invoke)!;
    }

    private static (Type, MethodInfo[]) Build(Type contract)
    {
        if (!contract.IsInterface || contract.IsGenericType)
            throw new ArgumentException($"'{contract.FullName}' is not a non-generic interface", nameof(contract));
        var members = contract.GetInterfaces().Prepend(contract)
            .SelectMany(i => i.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.IsVirtual && !m.IsGenericMethodDefinition)
            .ToArray();
        using var scope = AssemblyLoadContext.EnterContextualReflection(contract.Assembly);
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName($"AuthorizerConformance.Functions.Proxies.{Guid.NewGuid():N}"), AssemblyBuilderAccess.Run);
        var type = assembly.DefineDynamicModule("Proxies")
            .DefineType($"{contract.Name}Proxy", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(object), [contract]);
        var invoke = type.DefineField("_invoke", typeof(Func<int, object?[], object?>), FieldAttributes.Private | FieldAttributes.InitOnly);

        var constructor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [invoke.FieldType]).GetILGenerator();
        constructor.Emit(OpCodes.Ldarg_0);
        constructor.Emit(OpCodes.Call, typeof(object).GetConstructor(Type.EmptyTypes)!);
        constructor.Emit(OpCodes.Ldarg_0);
        constructor.Emit(OpCodes.Ldarg_1);
        constructor.Emit(OpCodes.Stfld, invoke);
        constructor.Emit(OpCodes.Ret);

        for (var index = 0; index < members.Length; index++)
        {
            var member = members[index];
            var parameters = member.GetParameters().Select(p => p.ParameterType).ToArray();
            var method = type.DefineMethod($"{member.DeclaringType!.FullName}.{member.Name}",
                MethodAttributes.Private | MethodAttributes.Virtual | MethodAttributes.Final | MethodAttributes.HideBySig | MethodAttributes.NewSlot,
                member.ReturnType, parameters);
            var il = method.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, invoke);
            il.Emit(OpCodes.Ldc_I4, index);
            il.Emit(OpCodes.Ldc_I4, parameters.Length);
            il.Emit(OpCodes.Newarr, typeof(object));
            for (var p = 0; p < parameters.Length; p++)
            {
                il.Emit(OpCodes.Dup);
                il.Emit(OpCodes.Ldc_I4, p);
                il.Emit(OpCodes.Ldarg, p + 1);
                if (parameters[p].IsValueType)
                    il.Emit(OpCodes.Box, parameters[p]);
                il.Emit(OpCodes.Stelem_Ref);
            }
            il.Emit(OpCodes.Callvirt, invoke.FieldType.GetMethod("Invoke")!);
            if (member.ReturnType == typeof(void))
                il.Emit(OpCodes.Pop);
            else
                il.Emit(member.ReturnType.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, member.ReturnType);
            il.Emit(OpCodes.Ret);
            type.DefineMethodOverride(method, member);
        }
        return (type.CreateType(), members);
    }
}
