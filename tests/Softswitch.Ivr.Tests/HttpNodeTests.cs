using System.Net;
using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

public sealed class HttpNodeTests : FlowTest
{
    private const string Lookup = """
        variables:
          api: http://127.0.0.1:9/api
        nodes:
          account:
            collect: account
            next: lookup
          lookup:
            http: GET
            url: ${api}/balance?account=${account}&name=${caller_name}
            timeout: 200ms
            results:
              balance: account.balance
              first_order: orders.0.status
            next: found
            on_error: failed
          found:
            set: { outcome: "found ${balance} ${first_order}" }
          failed:
            set: { outcome: "failed ${http_status}" }
        """;

    private async Task<SimulatedCall> RunWith(StubHttpHandler handler, string yaml = Lookup, string keys = "123456#")
    {
        using var client = new HttpClient(handler);
        return await RunAsync(yaml, keys, Services(s => s with { HttpClient = client }));
    }

    [Test]
    public async Task A_get_fills_variables_from_fields_of_the_json_reply()
    {
        var handler = StubHttpHandler.Json("""{"account": {"balance": 12.50}, "orders": [{"status": "shipped"}]}""");
        var call = await RunWith(handler);
        Assert.That(handler.Requests.Single().Url, Is.EqualTo("http://127.0.0.1:9/api/balance?account=123456&name="));
        Assert.That(call.Lines, Does.Contain("http GET http://127.0.0.1:9/api/balance?account=123456&name= -> 200"));
        Assert.That(call.Lines, Does.Contain("set outcome = found 12.50 shipped"));
    }

    [Test]
    public async Task Variable_values_in_the_url_are_escaped_so_they_cannot_change_the_request()
    {
        var handler = StubHttpHandler.Json("""{"ok": true}""");
        await RunWith(handler, """
            nodes:
              name:
                set: { who: "a b&c=d" }
                next: lookup
              lookup:
                http: GET
                url: http://127.0.0.1:9/find?who=${who}
            """, "");
        Assert.That(handler.Requests.Single().Url, Is.EqualTo("http://127.0.0.1:9/find?who=a%20b%26c%3Dd"));
    }

    [Test]
    public async Task A_post_sends_a_json_object_with_the_variables_filled_in()
    {
        var handler = StubHttpHandler.Json("""{"status": "open"}""");
        var call = await RunWith(handler, """
            nodes:
              account:
                collect: account
                next: lookup
              lookup:
                http: POST
                url: http://127.0.0.1:9/orders
                body:
                  account: "${account}"
                  from: "${caller}"
                results:
                  status: status
            """);
        var request = handler.Requests.Single();
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.Body, Is.EqualTo("""{"account":"123456","from":"60123456789"}"""));
        Assert.That(call.Lines, Does.Contain("set status = open"));
    }

    [Test]
    public async Task An_error_status_goes_to_on_error()
    {
        var call = await RunWith(StubHttpHandler.Json("{}", HttpStatusCode.InternalServerError));
        Assert.That(call.Lines, Does.Contain("set outcome = failed 500"));
    }

    [Test]
    public async Task A_reply_without_a_mapped_field_goes_to_on_error()
    {
        var call = await RunWith(StubHttpHandler.Json("""{"account": {}}"""));
        Assert.That(call.Lines, Does.Contain("http reply has no 'account.balance'"));
        Assert.That(call.Lines, Does.Contain("set outcome = failed 200"));
    }

    [Test]
    public async Task A_reply_that_is_not_json_goes_to_on_error()
    {
        var call = await RunWith(StubHttpHandler.Json("<html>"));
        Assert.That(call.Lines.Any(l => l.StartsWith("http GET http://127.0.0.1:9/api/balance?account=123456&name= failed: ", StringComparison.Ordinal)));
        Assert.That(call.Lines, Does.Contain("set outcome = failed 200"));
    }

    [Test]
    public async Task No_reply_within_the_timeout_goes_to_on_error()
    {
        var handler = new StubHttpHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var call = await RunWith(handler);
        Assert.That(call.Lines, Does.Contain("http GET http://127.0.0.1:9/api/balance?account=123456&name= failed: no reply within 0.2s"));
        Assert.That(call.Lines, Does.Contain("set outcome = failed "));
    }

    [Test]
    public async Task A_refused_connection_goes_to_on_error()
    {
        var call = await RunWith(new StubHttpHandler((_, _) => throw new HttpRequestException("Connection refused")));
        Assert.That(call.Lines, Does.Contain("http GET http://127.0.0.1:9/api/balance?account=123456&name= failed: Connection refused"));
        Assert.That(call.Lines, Does.Contain("set outcome = failed "));
    }
}
