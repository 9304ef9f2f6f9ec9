using KimiPS.Core;

namespace KimiPS.Core.Tests.Module;

public class ImageInputTests
{
    [Theory]
    [InlineData("a.png", "image/png")]
    [InlineData("a.JPG", "image/jpeg")]
    [InlineData("dir/a.jpeg", "image/jpeg")]
    [InlineData("a.webp", "image/webp")]
    [InlineData("a.gif", "image/gif")]
    public void Known_extensions(string path, string type) => Assert.Equal(type, ImageInput.MediaTypeOf(path));

    [Theory]
    [InlineData("a.bmp")]
    [InlineData("a.pdf")]
    [InlineData("noext")]
    public void Other_extensions_name_Image(string path)
    {
        var ex = Assert.Throws<KimiException>(() => ImageInput.MediaTypeOf(path));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains("'Image'", ex.Message);
    }

    [Fact]
    public void Load_reads_a_data_url()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".png");
        File.WriteAllBytes(path, new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        try
        {
            var part = ImageInput.Load(path);
            Assert.Equal("image_url", part.Type);
            Assert.Equal("data:image/png;base64,iVBORw==", part.Url);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Load_refuses_missing_and_empty_files()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".gif");
        Assert.Contains("does not exist", Assert.Throws<KimiException>(() => ImageInput.Load(path)).Message);
        File.WriteAllBytes(path, Array.Empty<byte>());
        try { Assert.Contains("empty", Assert.Throws<KimiException>(() => ImageInput.Load(path)).Message); }
        finally { File.Delete(path); }
    }
}
