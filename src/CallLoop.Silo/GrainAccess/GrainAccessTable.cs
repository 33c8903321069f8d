using CallLoop.Contracts.Incidents;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Silo.Security;

namespace CallLoop.Silo.GrainAccess;

/// <summary>
/// What a client of the cluster may call, by the roles its certificate carries: the same roles, for the same
/// operations, as the HTTP API. Everything not listed (key, delivery, deadline and retention grains, incident
/// obligations, internal commands such as <see cref="AcknowledgeDelivery"/> and <see cref="ApplyRetention"/>, Orleans'
/// own grains) is for grains of the cluster only.
/// </summary>
public static class GrainAccessTable
{
    private static readonly string[] Service = [Roles.Service];
    private static readonly string[] PrivacyOfficer = [Roles.PrivacyOfficer];
    private static readonly string[] ServiceOrPrivacyOfficer = [Roles.Service, Roles.PrivacyOfficer];
    private static readonly string[] PrivacyOfficerOrAdmin = [Roles.PrivacyOfficer, Roles.Admin];
    private static readonly string[] Admin = [Roles.Admin];

    /// <summary>
    /// Commands only the cluster issues: after checks a client cannot make (a processor's signature, a delivery's
    /// outcome, a reminder, the read audit) or as an effect of other events.
    /// </summary>
    public static IReadOnlySet<Type> InternalCommands { get; } = new HashSet<Type>
    {
        typeof(AcknowledgeDelivery), typeof(ApplyRetention), typeof(MarkRequestDueSoon), typeof(MarkRequestOverdue),
        typeof(PlanPropagation), typeof(RecordBreachNotice), typeof(RecordDeliveryAttempt), typeof(RecordPersonalDataAccess),
        typeof(RedeliverWebhook), typeof(WaiveDelivery),
    };

    /// <summary>Roles by command, for <see cref="IDataSubjectGrain.ExecuteAsync"/> and the typed method taking it.</summary>
    public static IReadOnlyDictionary<Type, string[]> CommandRoles { get; } = new Dictionary<Type, string[]>
    {
        [typeof(RegisterSubject)] = Service,
        [typeof(ChangeResidency)] = Service,
        [typeof(CollectPersonalInformation)] = Service,
        [typeof(GrantConsent)] = Service,
        [typeof(WithdrawConsent)] = Service,
        [typeof(OptOut)] = Service,
        [typeof(OptBackIn)] = Service,
        [typeof(ReceiveGpcSignal)] = Service,
        [typeof(ReceiveSmsKeyword)] = Service,
        [typeof(DiscloseInformation)] = Service,
        [typeof(RecordMessageSent)] = Service,
        [typeof(CorrectInformation)] = ServiceOrPrivacyOfficer,
        [typeof(ReceiveRightsRequest)] = PrivacyOfficer,
        [typeof(ConfirmReceipt)] = PrivacyOfficer,
        [typeof(VerifyIdentity)] = PrivacyOfficer,
        [typeof(FailVerification)] = PrivacyOfficer,
        [typeof(ExtendRequest)] = PrivacyOfficer,
        [typeof(CompleteRequest)] = PrivacyOfficer,
        [typeof(FileAppeal)] = PrivacyOfficer,
        [typeof(DecideAppeal)] = PrivacyOfficer,
        [typeof(ExtendAppeal)] = PrivacyOfficer,
        [typeof(RestrictProcessing)] = PrivacyOfficer,
        [typeof(LiftRestriction)] = PrivacyOfficer,
        [typeof(PlaceLegalHold)] = PrivacyOfficer,
        [typeof(ReleaseLegalHold)] = PrivacyOfficer,
        [typeof(DetectMinor)] = PrivacyOfficer,
        [typeof(DeactivateAccount)] = PrivacyOfficer,
    };

    /// <summary>Roles by grain method (interface, method name); methods taking a command follow <see cref="CommandRoles"/>.</summary>
    private static readonly Dictionary<(Type, string), string[]> MethodRoles = new()
    {
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.GetProfileAsync))] = PrivacyOfficer,
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.GetHistoryAsync))] = PrivacyOfficer,
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.ReadPersonalDataAsync))] = PrivacyOfficer,
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.ReadHistoryAsync))] = PrivacyOfficer,
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.RecordPersonalDataAccessAsync))] = PrivacyOfficer,
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.ReadStateAsync))] = PrivacyOfficer,
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.GetDeliveriesAsync))] = Admin,
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.GetAuditTrailAsync))] = PrivacyOfficerOrAdmin,
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.CanContactAsync))] = ServiceOrPrivacyOfficer,
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.GetOpenRequestsAsync))] = PrivacyOfficer,
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.GetRequestsAsync))] = PrivacyOfficer,
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.GetRequestAsync))] = PrivacyOfficer,
        [(typeof(IDataSubjectGrain), nameof(IDataSubjectGrain.GetRequestTimelineAsync))] = PrivacyOfficer,
        [(typeof(IIncidentGrain), nameof(IIncidentGrain.ReportAsync))] = PrivacyOfficerOrAdmin,
        [(typeof(IIncidentGrain), nameof(IIncidentGrain.CorrectAsync))] = PrivacyOfficerOrAdmin,
        [(typeof(IIncidentGrain), nameof(IIncidentGrain.StartAssessmentAsync))] = PrivacyOfficerOrAdmin,
        [(typeof(IIncidentGrain), nameof(IIncidentGrain.GetAsync))] = PrivacyOfficerOrAdmin,
        [(typeof(IIncidentGrain), nameof(IIncidentGrain.GetSubjectsAsync))] = PrivacyOfficerOrAdmin,
        [(typeof(IIncidentGrain), nameof(IIncidentGrain.RecordNoticesAsync))] = PrivacyOfficerOrAdmin,
        [(typeof(IIncidentGrain), nameof(IIncidentGrain.RecordRegulatorNoticeAsync))] = PrivacyOfficerOrAdmin,
        [(typeof(IIncidentGrain), nameof(IIncidentGrain.RenderNoticeAsync))] = PrivacyOfficerOrAdmin,
        [(typeof(IIncidentGrain), nameof(IIncidentGrain.RecordCreditBureauNoticeAsync))] = PrivacyOfficerOrAdmin,
    };

    /// <summary>Orleans' own calls every client makes to use the cluster (the grain types it holds), which reveal no data.</summary>
    private static readonly HashSet<string> ClientInfrastructure = new(StringComparer.Ordinal) { "Orleans.Runtime.IClusterManifestSystemTarget" };

    /// <summary>
    /// Calls a silo makes to its own grains without an outgoing call (a grain timer's tick): their request is a
    /// private type of the runtime with no serializer, so it cannot have come over the wire.
    /// </summary>
    private static readonly HashSet<string> LocalOnly = new(StringComparer.Ordinal) { "Orleans.Runtime.IGrainTimerInvoker" };

    public static bool IsClientInfrastructure(IGrainCallContext call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var type = call.Request.GetInterfaceType().FullName ?? string.Empty;
        return LocalOnly.Contains(type) || (SystemTargetGrainId.TryParse(call.TargetId, out _) && ClientInfrastructure.Contains(type));
    }

    /// <summary>
    /// The roles that admit a client's call of <paramref name="method"/> with <paramref name="arguments"/>; empty when
    /// only grains of the cluster may make it. <paramref name="refused"/> names what was judged (method or command).
    /// </summary>
    public static IReadOnlyList<string> RolesFor(System.Reflection.MethodInfo method, IReadOnlyList<object?> arguments, out string refused)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(arguments);
        var type = method.DeclaringType!;
        refused = $"{type.Name}.{method.Name}";
        if (MethodRoles.TryGetValue((type, method.Name), out var roles))
        {
            return roles;
        }

        if (type != typeof(IDataSubjectGrain) || arguments.Count == 0 || arguments[0] is not SubjectCommand command)
        {
            return [];
        }

        // A typed method admits only its own command; ExecuteAsync admits the command it carries.
        var declared = method.GetParameters()[0].ParameterType;
        if (declared != typeof(SubjectCommand) && declared != command.GetType())
        {
            return [];
        }

        refused = declared == typeof(SubjectCommand) ? $"{refused}({command.GetType().Name})" : refused;
        return CommandRoles.TryGetValue(command.GetType(), out var commandRoles) ? commandRoles : [];
    }
}
