import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0004_organisationrelationship"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisationrelationship",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
    ]
