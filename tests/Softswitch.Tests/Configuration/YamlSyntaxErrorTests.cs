using Softswitch.Configuration.Yaml;

namespace Softswitch.Tests.Configuration;

/// <summary>Finding 14: a YAML mistake is reported on the line where it is, not the line after.</summary>
public sealed class YamlSyntaxErrorTests
{
    [TestCase("sip:\n  port: 5060\n   domain: x\nrtp:\n  port_min: 10000\n", 3, TestName = "Over-indented key")]
    [TestCase("sip:\n  port: 5060\n domain: x\nrtp:\n  port_min: 10000\n", 3, TestName = "Under-indented key")]
    [TestCase("sip:\n  port 5060\n  domain: x\nrtp:\n  port_min: 10000\n", 2, TestName = "Missing colon")]
    [TestCase("sip:\n  port: 5060\n  domain x\n  listen: 0.0.0.0\n", 3, TestName = "Missing colon before another key")]
    [TestCase("sip:\n  port: 5060\n  domain x\nrtp:\n  port_min: 10000\n", 3, TestName = "Missing colon on the last key of a section")]
    [TestCase("sip:\n  domain: \"softswitch.local\n  port: 5060\nrtp:\n  port_min: 10000\n", 2, TestName = "Unclosed double quote")]
    [TestCase("sip:\n  domain: 'softswitch.local\n  port: 5060\n", 2, TestName = "Unclosed single quote")]
    [TestCase("sip:\n  port: 5060\n\tdomain: x\n", 3, TestName = "Tab indentation")]
    [TestCase("sip:\n  transports: [udp, tcp\n  port: 5060\nrtp:\n  port_min: 10000\n", 2, TestName = "Unclosed bracket")]
    [TestCase("extensions:\n  - number: \"1001\"\n    password: x\n  number: \"1002\"\n", 4, TestName = "List item without its dash")]
    public void Mistake_is_reported_at_its_line(string yaml, int line)
    {
        var result = YamlDocumentFlattener.Flatten(new StringReader(yaml), "x.yaml");

        Assert.That(result.Error, Is.Not.Null);
        Assert.That(result.Error!.Line, Is.EqualTo(line), result.Error.ToString());
        Assert.That(result.Error.Column, Is.GreaterThan(0), result.Error.ToString());
    }

    [TestCase("sip:\n  port 5060\n  domain: x\n", "x.yaml:2:3: while scanning a multiline plain scalar, found invalid mapping. (is a ':' missing after the key?)")]
    [TestCase("sip:\n  transports: [udp, tcp\n  port: 5060\n", "x.yaml:2:15: '[' opened here is never closed")]
    public void Message_names_the_file_line_and_column_of_the_mistake(string yaml, string expected)
    {
        var result = YamlDocumentFlattener.Flatten(new StringReader(yaml), "x.yaml");

        Assert.That(result.Error?.ToString(), Is.EqualTo(expected));
    }
}
