"""The sector taxonomy of the demo: fourteen top-level sectors, each with its sub-sectors and writing material."""

from zonebridge.demo.content.material import SectorMaterial
from zonebridge.demo.content.sectors import (
    aerospace,
    ai,
    biomedicine,
    chips,
    commerce,
    creative,
    education,
    fintech,
    green,
    logistics,
    materials,
    mobility,
    services,
    smart_city,
)

SECTORS: tuple[SectorMaterial, ...] = (
    mobility.SECTOR,
    chips.SECTOR,
    ai.SECTOR,
    biomedicine.SECTOR,
    fintech.SECTOR,
    green.SECTOR,
    logistics.SECTOR,
    commerce.SECTOR,
    smart_city.SECTOR,
    materials.SECTOR,
    aerospace.SECTOR,
    creative.SECTOR,
    education.SECTOR,
    services.SECTOR,
)
SECTORS_BY_SLUG = {sector.slug: sector for sector in SECTORS}
PROFESSIONAL_SERVICES = services.SECTOR
DIGITAL_MEDIA = creative.SECTOR
