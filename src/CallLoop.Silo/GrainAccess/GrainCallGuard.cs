using CallLoop.Contracts.Access;
using CallLoop.Domain;

namespace CallLoop.Silo.GrainAccess;

/// <summary>
/// Every call a grain receives: from the cluster itself (an <see cref="InternalCallStamp"/>) it runs; from a client it
/// runs only when the client's certificate (<see cref="CallerIdentities"/>) carries a role
/// <see cref="GrainAccessTable"/> admits, with the certificate's common name as the actor (an <c>actor</c> argument
/// or <see cref="PersonalDataAccess.AccessedBy"/> given by the client is replaced). Otherwise
/// <see cref="CallRefusedException"/>, and nothing ran.
/// </summary>
public sealed class GrainCallGuard(InternalCallStamp stamp, CallerIdentities callers) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (stamp.IsValid(context, RequestContext.Get(InternalCallStamp.RequestContextKey)) || GrainAccessTable.IsClientInfrastructure(context))
        {
            return context.Invoke();
        }

        var request = context.Request;
        var arguments = Enumerable.Range(0, request.GetArgumentCount()).Select(request.GetArgument).ToArray();
        var roles = GrainAccessTable.RolesFor(context.InterfaceMethod, arguments, out var call);
        if (roles.Count == 0)
        {
            throw new CallRefusedException(CallRefusedException.InternalOnly, call, []);
        }

        var caller = callers.Current() ?? throw new CallRefusedException(CallRefusedException.NoIdentity, call, roles);
        if (!caller.Roles.Intersect(roles, StringComparer.Ordinal).Any())
        {
            throw new CallRefusedException(CallRefusedException.RoleRequired, call, roles);
        }

        var parameters = context.InterfaceMethod.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == "actor" && parameters[i].ParameterType == typeof(string))
            {
                request.SetArgument(i, caller.Name);
            }
            else if (arguments[i] is PersonalDataAccess access)
            {
                request.SetArgument(i, access with { AccessedBy = caller.Name });
            }
        }

        return context.Invoke();
    }
}
