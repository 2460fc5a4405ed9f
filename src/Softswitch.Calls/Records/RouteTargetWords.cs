using System.Text;
using Softswitch.Calls.Routing;

namespace Softswitch.Calls.Records;

/// <summary>The route target as call records name it: lower case with underscores (<c>meet_me</c>, <c>ring_group</c>).</summary>
public static class RouteTargetWords
{
    public static string Of(RouteTarget target)
    {
        var name = target.ToString();
        var word = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) word.Append('_');
            word.Append(char.ToLowerInvariant(name[i]));
        }

        return word.ToString();
    }
}
