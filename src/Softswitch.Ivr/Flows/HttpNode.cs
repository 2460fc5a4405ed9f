using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary>
/// <c>http: GET</c> (or POST) to <c>url</c> with <c>${variables}</c>: within <c>timeout</c> it expects a JSON reply and
/// copies the fields <c>results</c> names into variables (<c>balance: account.balance</c>), then goes to <c>next</c>;
/// a timeout, an error status, a reply that is not JSON or lacks a field goes to <c>on_error</c>.
/// </summary>
public sealed partial class HttpNode(string name, SourcePosition position, HttpLookup lookup) : FlowNode(name, position)
{
    public override string Kind => "http";

    public HttpLookup Lookup => lookup;

    public override IEnumerable<NodeReference> Exits => Present(lookup.Next, lookup.OnError);

    internal static HttpNode Parse(NodeSource source)
    {
        var reader = source.Reader;
        var method = reader.Scalar(source.KindValue, "http")?.ToUpperInvariant();
        if (method is not (null or "GET" or "POST"))
        {
            reader.Error(source.KindValue, $"http must be GET or POST, not '{method}'");
        }

        var url = source.Text("url");
        if (url is null) reader.Error(source.Position, $"http '{source.Name}' needs 'url:'");
        else if (!url.StartsWith("${", StringComparison.Ordinal)
                 && !(Uri.TryCreate(url.Replace("${", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            reader.Error(source.Get("url")!, $"url must start with http:// or https:// (or a variable holding the base URL), not '{url}'");
        }
        var body = new List<KeyValuePair<string, string>>();
        if (source.Get("body") is { } bodyNode && reader.Mapping(bodyNode, "body") is { } bodyMap)
        {
            if (method != "POST") reader.Error(bodyNode, "only a POST sends a body");
            foreach (var (field, (_, value)) in reader.Entries(bodyMap))
            {
                if (reader.Scalar(value, field) is { } text) body.Add(new(field, text));
            }
        }

        var results = new List<KeyValuePair<string, string>>();
        if (source.Get("results") is { } resultsNode && reader.Mapping(resultsNode, "results") is { } resultsMap)
        {
            foreach (var (variable, (key, value)) in reader.Entries(resultsMap))
            {
                if (reader.VariableName(key, "a result variable") is not null && reader.Scalar(value, variable) is { } path) results.Add(new(variable, path));
            }
        }

        return new HttpNode(source.Name, source.Position, new HttpLookup
        {
            Method = method == "POST" ? HttpMethod.Post : HttpMethod.Get,
            Url = url ?? "",
            Body = body,
            Results = results,
            Timeout = source.Duration("timeout", TimeSpan.FromSeconds(5)),
            Next = source.Next(),
            OnError = source.Next("on_error"),
        });
    }

    internal override async Task<FlowStep> RunAsync(FlowRun run)
    {
        var url = ExpandUrl(run, lookup.Url);
        if (run.Services.HttpClient is not { } client)
        {
            run.Note($"http {lookup.Method} {url}: no HTTP client in this switch");
            return FlowStep.Go(lookup.OnError ?? lookup.Next);
        }

        using var request = new HttpRequestMessage(lookup.Method, url);
        if (lookup.Method == HttpMethod.Post)
        {
            var body = new JsonObject();
            foreach (var (field, template) in lookup.Body) body[field] = run.Expand(template);
            request.Content = JsonContent.Create(body);
        }

        using var timeout = new CancellationTokenSource(lookup.Timeout, run.Services.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, run.HungUp);
        try
        {
            using var response = await client.SendAsync(request, linked.Token).ConfigureAwait(false);
            run.Set(FlowVariables.HttpStatus, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            run.Note($"http {lookup.Method} {url} -> {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode) return FlowStep.Go(lookup.OnError ?? lookup.Next);
            if (lookup.Results.Count == 0) return FlowStep.Go(lookup.Next);
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false), default, linked.Token).ConfigureAwait(false);
            var values = new List<KeyValuePair<string, string>>();
            foreach (var (variable, path) in lookup.Results)
            {
                if (JsonField.Find(document.RootElement, path) is not { } value)
                {
                    run.Note($"http reply has no '{path}'");
                    return FlowStep.Go(lookup.OnError ?? lookup.Next);
                }

                values.Add(new(variable, value));
            }

            foreach (var (variable, value) in values) run.Set(variable, value);
            return FlowStep.Go(lookup.Next);
        }
        catch (OperationCanceledException) when (run.HungUp.IsCancellationRequested)
        {
            return FlowStep.CallerHungUp;
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or JsonException)
        {
            var why = e is OperationCanceledException ? $"no reply within {lookup.Timeout.TotalSeconds:0.###}s" : e.Message;
            run.Note($"http {lookup.Method} {url} failed: {why}");
            return FlowStep.Go(lookup.OnError ?? lookup.Next);
        }
    }

    /// <summary>
    /// A variable at the very start is the base URL and goes in as it is; every other variable's value is URL-escaped,
    /// so a caller's entry cannot change the request's shape.
    /// </summary>
    private static string ExpandUrl(FlowRun run, string template)
    {
        var leading = LeadingVariable().Match(template);
        return leading.Success
            ? run.Get(leading.Groups[1].Value) + run.Expand(template[leading.Length..], Uri.EscapeDataString)
            : run.Expand(template, Uri.EscapeDataString);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial System.Text.RegularExpressions.Regex LeadingVariable();
}
